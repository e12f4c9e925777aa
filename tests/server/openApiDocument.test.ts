import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/openapi/document.js';
import { provisionCatalog } from '../../shared/provisions/registry.js';

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  enum?: string[];
  const?: string;
  required?: string[];
  default?: unknown;
};

describe('the OpenAPI document is generated from the 1.2 scenario schemas', () => {
  const scenario = (openApiDocument() as { components: { schemas: Record<string, Schema> } }).components.schemas.Scenario!;
  const props = (s: Schema | undefined) => Object.keys(s?.properties ?? {});

  it('has every 1.2 field of COSTING.md §9', () => {
    expect(scenario.properties!.term!.properties!.costs).toMatchObject({ enum: ['fiscalYears', 'term'], default: 'fiscalYears' });
    expect(props(scenario.properties!.roster!.properties!.rows!.items)).toEqual(expect.arrayContaining(['fund', 'department']));
    expect(props(scenario.properties!.assumptions!.properties!.otherRollups!.items)).toEqual(
      expect.arrayContaining(['rate', 'rates', 'classes', 'pensionTiers']),
    );
    const proposal = scenario.properties!.proposals!.items!;
    expect(props(proposal)).toEqual(expect.arrayContaining(['retroPayDate']));
    expect(proposal.properties!.side!.enum).toContain('budget');
    const provisions = proposal.properties!.provisions!.items!.oneOf!;
    const byType = new Map(provisions.map((p) => [p.properties!.type!.const!, props(p)]));
    expect([...byType.keys()]).toEqual(provisionCatalog.map((k) => k.type));
    expect(byType.get('lumpSum')).toEqual(expect.arrayContaining(['amount', 'percent', 'days', 'daysPerYear', 'pensionable']));
    expect(byType.get('minimumRate')).toEqual(expect.arrayContaining(['rateBasis']));
    expect(byType.get('flat')).toEqual(expect.arrayContaining(['fund', 'department']));
    // Each type's fields in the document are the registry's (the schema is the one source).
    for (const kind of provisionCatalog) expect(byType.get(kind.type)).toEqual(['type', ...kind.fields.map((f) => f.name)]);
  });
});
