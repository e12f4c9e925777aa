/** The pane's few layout rules (the build has no CSS loader; Fluent styles the controls). */
const css = `
.pane { display: flex; flex-direction: column; gap: 12px; padding: 12px 8px; max-width: 720px; box-sizing: border-box; }
.pane-header { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.panel { display: flex; flex-direction: column; gap: 10px; padding: 8px 0; min-width: 0; }
.panel > * { max-width: 100%; box-sizing: border-box; }
.tabs { flex-wrap: nowrap; min-width: 0; }
.tabs .fui-Tab { padding-left: 3px; padding-right: 3px; min-width: 0; }
.tabs .tabs-more { min-width: 0; padding-left: 6px; padding-right: 6px; flex-shrink: 0; }
.provisions { margin: 0; padding-left: 20px; display: flex; flex-direction: column; gap: 6px; }
.provisions li > span { margin-top: 2px; }
.provision-form { border: 1px solid currentColor; border-radius: 4px; padding: 8px; display: flex; flex-direction: column; gap: 8px; min-width: 0; }
:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
.fui-Select, .fui-Select__select { min-width: 0; max-width: 100%; }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.figure { text-align: right; font-variant-numeric: tabular-nums; }
.issues { margin: 0; padding-left: 20px; }
.models { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.models li { display: flex; gap: 8px; align-items: center; justify-content: space-between; border-bottom: 1px solid #e0e0e0; padding-bottom: 6px; }
.model-text { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.issues li { margin-bottom: 4px; }
`;

export function PaneStyles() {
  return <style>{css}</style>;
}
