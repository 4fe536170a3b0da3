import DataLoader from 'dataloader';

/**
 * Per-request DataLoader registry. Loaders are created on first use under a key that
 * includes everything the batch depends on (relation, arguments), so every parent in
 * one GraphQL level shares one SQL statement.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
