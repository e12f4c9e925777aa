import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';

/** What the page says when opened in a plain browser rather than inside Excel. */
export function NotInExcel() {
  const manifest = `${window.location.origin}/manifest.xml`;
  return (
    <div className="pane" data-testid="not-in-excel">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page runs inside Excel</MessageBarTitle>
          Bargaining Costing is an Excel add-in: open it from Excel's ribbon, not in a browser tab.
        </MessageBarBody>
      </MessageBar>
      <Text as="h2" weight="semibold" size={400}>
        Install the add-in
      </Text>
      <ol>
        <li>
          Download the manifest: <Link href={manifest}>{manifest}</Link>
        </li>
        <li>
          <b>Excel on the web</b>: Home › Add-ins › More add-ins › My add-ins › Upload My Add-in, and choose the manifest.
        </li>
        <li>
          <b>Excel for Windows or Mac</b>: run <code>npm run sideload</code>, or put the manifest in a shared folder catalog (Trust Center › Trusted Add-in
          Catalogs) and add it from Add-ins › Shared Folder.
        </li>
        <li>
          <b>Whole organisation</b>: an administrator deploys the manifest in the Microsoft 365 admin center (Settings › Integrated apps › Upload custom apps).
        </li>
      </ol>
      <Text>Then open Bargaining Costing from the Home tab.</Text>
    </div>
  );
}
