import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { ListKind, ListPublication } from './list-publication.entity';
import { decideListPublication, listPublications, submitListPublication } from './list-publication.service';

@Resolver(() => ListPublication)
export class ListPublicationResolver {
  @SignedIn()
  @Query(() => [ListPublication], { description: '清单、名录的报审和审议记录，最新在前' })
  listPublications(@Ctx() ctx: RequestContext, @Arg('kind', () => ListKind, { nullable: true }) kind?: ListKind | null) {
    return listPublications(ctx, kind ?? null);
  }

  @SignedIn()
  @Mutation(() => ListPublication, { description: '办公室将事项清单或名录报局领导审议（局长办公会）' })
  submitListPublication(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => ListKind) kind: ListKind,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return submitListPublication(ctx, kind, note ?? null);
  }

  @SignedIn()
  @Mutation(() => ListPublication, { description: '局领导审议通过并公布（不得审议本人报审的）' })
  approveListPublication(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return decideListPublication(ctx, id, true, note ?? null);
  }

  @SignedIn()
  @Mutation(() => ListPublication, { description: '局领导退回报审（须说明理由）' })
  returnListPublication(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note') note: string) {
    return decideListPublication(ctx, id, false, note);
  }
}
