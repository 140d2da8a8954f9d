import { Extensions } from 'type-graphql';
import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Action, SubjectName } from '@spotcheck/shared';
import type { RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';

interface PermissionExtension {
  public?: true;
  signedIn?: true;
  allow?: [Action, SubjectName];
}

/** Anyone, signed in or not (the sign-in itself, the public portal). */
export const Public = () => Extensions({ permission: { public: true } satisfies PermissionExtension });
/** Any signed-in user; the service decides per row. */
export const SignedIn = () => Extensions({ permission: { signedIn: true } satisfies PermissionExtension });
/** A signed-in user whose abilities allow `action` on some `subject`; the service checks the row. */
export const Allow = (action: Action, subject: SubjectName) => Extensions({ permission: { allow: [action, subject] } satisfies PermissionExtension });

/**
 * The one global check, on the root fields: every root field must declare its permission; undeclared
 * fields are refused (fail closed). Nested fields are reached only through a checked root field and
 * rows visible under RLS, so they are left as they are: as a type-graphql global middleware the check
 * would wrap every field of every answer in promises, some 1,500 for a page of 50 drawn entities.
 * Subscriptions are also checked before they are registered (ws-operation.ts); here, at each event.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        checkRootPermission(root, field.name, context);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Throws unless the context may call this root field. Also used when a subscription starts. */
export function checkRootPermission(type: GraphQLObjectType, fieldName: string, context: RequestContext): void {
  const permission = permissionOf(type, fieldName);
  if (permission?.public) return;
  if (!context.viewer) throw unauthenticated();
  if (permission?.signedIn) return;
  if (permission?.allow) {
    const [action, subject] = permission.allow;
    if (context.ability.can(action, subject)) return;
    throw forbidden();
  }
  throw forbidden('此操作未声明权限');
}

export function permissionOf(type: GraphQLObjectType, fieldName: string): PermissionExtension | undefined {
  return type.getFields()[fieldName]?.extensions?.permission as PermissionExtension | undefined;
}
