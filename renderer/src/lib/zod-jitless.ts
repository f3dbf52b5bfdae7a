/**
 * Imported first by main.tsx, before any schema is built: the CSP allows no eval, so zod must not probe
 * `Function('')` for its JIT (the probe is caught, but Chromium reports it as a CSP violation).
 */
import { z } from 'zod';

z.config({ jitless: true });
