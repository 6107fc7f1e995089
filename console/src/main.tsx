import { createRoot } from 'react-dom/client';
import './styles.ts';
import { App } from './app.tsx';
import { keepSessionFresh } from './auth/renewal.ts';
import { loadConfig } from './config.ts';

await loadConfig();
void keepSessionFresh();
createRoot(document.getElementById('root')!).render(<App />);
