// Imported first by main.tsx: zod builds its schemas without probing for eval, which the CSP refuses (and reports).
import { config } from 'zod';

// zod reads this when each object schema is built, so it must run before any schema module is evaluated.
config({ jitless: true });
