// Placeholder entry for the task pane bundle; the task pane's real entry replaces this file.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('taskpane.html has no #root element');
createRoot(root).render(<p>Bargaining Costing is loading…</p>);
