/** What a running adapter says about itself on /healthz: `state` is one word (ready, http, socket, reconnecting, stopped). */
export interface AdapterHealth {
  ok: boolean;
  state: string;
}
