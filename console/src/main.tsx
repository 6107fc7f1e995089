import { createRoot } from 'react-dom/client';
import './styles.ts';
import { App } from './app.tsx';
import { loadConfig } from './config.ts';

await loadConfig();
createRoot(document.getElementById('root')!).render(<App />);
