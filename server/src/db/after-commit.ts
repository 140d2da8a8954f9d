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

/** Calls the effects registered with `afterCommit` on the transaction's query runner. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const list = (event.queryRunner.data[KEY] ?? []) as (() => void)[];
    event.queryRunner.data[KEY] = [];
    for (const effect of list) effect();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    event.queryRunner.data[KEY] = [];
  }
}
