/**
 * Admin endpoints of fault injection (registered only when the simulator runs with `faults`),
 * answered to loopback callers only:
 *   POST   /sim/faults   JSON or form: { path, method?, mode, count?, delay_ms?, status?, code?, commit? } → the rule
 *   GET    /sim/faults   → { faults: [rules with remaining counts] }
 *   DELETE /sim/faults   → { cleared: n }
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLoopback, type Faults } from './faults';
import { SimError } from './sim-errors';

function loopbackOnly(req: FastifyRequest): void {
  if (!isLoopback(req.socket.remoteAddress)) throw new SimError(403, 'FORBIDDEN', 'fault injection answers loopback callers only');
}

export function registerFaultRoutes(app: FastifyInstance, faults: Faults): void {
  app.post('/sim/faults', async (req) => {
    loopbackOnly(req);
    return faults.add(req.body ?? {});
  });
  app.get('/sim/faults', async (req) => {
    loopbackOnly(req);
    return { faults: faults.list() };
  });
  app.delete('/sim/faults', async (req) => {
    loopbackOnly(req);
    const n = faults.list().length;
    faults.clear();
    return { cleared: n };
  });
}
