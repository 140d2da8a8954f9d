import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';

/**
 * Relay's Node: every object with an identity exposes a global id (`Type:uuid`, encoded).
 * Entity classes extend this and are named as their GraphQL type, so the id and the type resolve alike.
 */
@InterfaceType('Node', {
  description: 'An object with a global id, fetchable with node(id:).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  /** The row's own UUID; exposed only inside the global id. */
  declare id: string;

  @Field(() => ID, { name: 'id', description: 'Global id.' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
