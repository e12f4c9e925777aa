import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { TabId } from './tabs.js';

export interface PaneTabsProps {
  tabs: { id: TabId; label: string }[];
  selected: TabId;
  onSelect: (tab: TabId) => void;
}

function OverflowMenuItem({ tab, onSelect }: { tab: PaneTabsProps['tabs'][number]; onSelect: (tab: TabId) => void }) {
  if (useIsOverflowItemVisible(tab.id)) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

/** The tabs that do not fit, behind "More" at the end of the row; nothing when all fit. */
function OverflowMenu({ tabs, onSelect }: Omit<PaneTabsProps, 'selected'>) {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* role="tab": the only kind of child a tablist may have (Fluent's TabList overflow example does the same). */}
        <Button appearance="transparent" ref={ref} role="tab" aria-label="More tabs" aria-haspopup="menu" className="tabs-more">
          More
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <OverflowMenuItem key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * The pane's tabs on one row at any width (320 px, Excel's narrowest pane, included): the tabs that
 * do not fit move into a "More" menu, the selected tab always stays on the row — Fluent UI v9's
 * overflow pattern (https://react.fluentui.dev/?path=/story/components-tablist--with-overflow).
 */
export function PaneTabs({ tabs, selected, onSelect }: PaneTabsProps) {
  return (
    <Overflow minimumVisible={1}>
      <TabList className="tabs" selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as TabId)} size="small">
        {tabs.map((tab) => (
          <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
            <Tab value={tab.id}>{tab.label}</Tab>
          </OverflowItem>
        ))}
        <OverflowMenu tabs={tabs} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
