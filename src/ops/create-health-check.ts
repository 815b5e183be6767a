import { redactUrl } from '../infra/open-store.js';
import { withinDeadline } from '../infra/within-deadline.js';
import type { Store } from '../ports/store.js';
import type { AdapterHealth } from './adapter-health.js';

export interface StoreHealth {
  ok: boolean;
  backend: string;
  detail?: string;
}

/** The body of GET /healthz. `status` is "ok" only when the store and every adapter are. */
export interface HealthReport {
  status: 'ok' | 'unavailable' | 'stopping';
  store: StoreHealth;
  adapters: Record<string, AdapterHealth>;
}

export interface HealthCheckDeps {
  store: Pick<Store, 'health'>;
  /** Named when the store does not answer in time (its own answer names it otherwise). */
  storeBackend: string;
  /** A probe that waits longer than its caller's timeout counts as a failure anyway: answer before then. */
  timeoutMs: number;
  /** Secret values that must not appear in a detail the store passes on (an error can quote a URL). */
  secrets: readonly string[];
}

/** Collects the store's and the adapters' state; adapters are watched once they are running. */
export interface HealthCheck {
  watch(adapter: string, health: () => AdapterHealth): void;
  /** From now on the report says "stopping" (503), so a load balancer sends new work elsewhere. */
  markStopping(): void;
  check(): Promise<HealthReport>;
}

const DETAIL_MAX_LENGTH = 200;

export function createHealthCheck(deps: HealthCheckDeps): HealthCheck {
  const adapters = new Map<string, () => AdapterHealth>();
  let stopping = false;
  return {
    watch: (adapter, health) => void adapters.set(adapter, health),
    markStopping: () => void (stopping = true),
    async check() {
      const store = await probeStore(deps);
      const states = Object.fromEntries([...adapters].map(([name, health]) => [name, health()]));
      const ok = store.ok && Object.values(states).every((state) => state.ok);
      return { status: stopping ? 'stopping' : ok ? 'ok' : 'unavailable', store, adapters: states };
    },
  };
}

async function probeStore(deps: HealthCheckDeps): Promise<StoreHealth> {
  const answer = deps.store.health().then(
    (health) => ({
      ok: health.ok,
      backend: health.backend,
      ...(health.detail ? { detail: scrub(health.detail, deps.secrets) } : {}),
    }),
    (error: unknown) => ({
      ok: false,
      backend: deps.storeBackend,
      detail: scrub(error instanceof Error ? error.message : String(error), deps.secrets),
    }),
  );
  // `answer` never rejects: only the deadline does.
  return withinDeadline(answer, deps.timeoutMs, () => new Error('health probe timed out')).catch(() => ({
    ok: false,
    backend: deps.storeBackend,
    detail: `no answer within ${deps.timeoutMs} ms`,
  }));
}

/** The body is readable by anyone who can reach the port: no credentials, no secrets, no essays. */
function scrub(text: string, secrets: readonly string[]): string {
  const withoutSecrets = secrets
    .filter((secret) => secret.length >= 6)
    .reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  return redactUrl(withoutSecrets).slice(0, DETAIL_MAX_LENGTH);
}
