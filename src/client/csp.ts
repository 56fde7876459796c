import { z } from 'zod';

// The server's Content-Security-Policy allows no 'unsafe-eval': zod must not compile its parsers with
// `new Function` (its probe for that is itself reported as a violation). Imported first by main.tsx.
z.config({ jitless: true });
