import { EventSubscriber, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

const KEY = 'afterCommit';

/** Runs `effect` once the manager's transaction has committed; never if it rolls back. */
export function afterCommit(manager: EntityManager, effect: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    effect();
    return;
  }
  const list = (runner.data[KEY] ??= []) as (() => void)[];
  list.push(effect);
}

const SCOPED = 'transactionScoped';

/** An object kept on the manager's transaction and dropped when it commits or rolls back; null outside a transaction. */
export function transactionScoped(manager: EntityManager): Record<string, unknown> | null {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return null;
  return (runner.data[SCOPED] ??= {}) as Record<string, unknown>;
}

/** Calls the effects registered with `afterCommit` on the transaction's query runner. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const list = (event.queryRunner.data[KEY] ?? []) as (() => void)[];
    event.queryRunner.data[KEY] = [];
    delete event.queryRunner.data[SCOPED];
    for (const effect of list) effect();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    event.queryRunner.data[KEY] = [];
    delete event.queryRunner.data[SCOPED];
  }
}
