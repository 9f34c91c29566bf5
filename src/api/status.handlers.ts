import type { AuthedRequest, HandlerResult } from './context';

export function statusHandlers() {
  return {
    // reaching the handler means the key was checked in PostgreSQL, so reads are being served
    async retrieveStatus(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: { object: 'status', status: 'operational', api_version: req.ctx.version.version, time: new Date().toISOString() } };
    },
  };
}
