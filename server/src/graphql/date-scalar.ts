import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '@spotcheck/shared';

const MESSAGE = '日期无效，应为 YYYY-MM-DD 格式的真实日期';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new GraphQLError(MESSAGE);
  return value;
}

/** A calendar day without time or zone, written `YYYY-MM-DD`; anything else is refused before execution. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日历日期，格式 YYYY-MM-DD（不含时刻与时区）',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(MESSAGE);
    return parse(ast.value);
  },
});
