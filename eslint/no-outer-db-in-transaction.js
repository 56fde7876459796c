/**
 * Inside `X.transaction(async (tx) => …)`, the outer handle `X` (e.g. `ctx.db`) must not be used:
 * on the embedded database's single connection that query waits for the transaction forever.
 * Pass `tx` (or `inTx(ctx, tx)`) instead. The runtime guard (src/server/db/guard.ts) catches what
 * this cannot see, such as `ctx` passed to a helper that reads `ctx.db`.
 */
const text = (node, source) => source.getText(node);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid the outer database handle inside its own transaction callback' },
    messages: { outer: '`{{handle}}` is the outer database handle: inside its transaction use the transaction handle (tx, or inTx(ctx, tx)).' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode ?? context.getSourceCode();
    const stack = [];
    return {
      CallExpression(node) {
        const callee = node.callee;
        const fn = node.arguments[0];
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'transaction' &&
            fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression')) {
          stack.push({ handle: text(callee.object, source), fn });
        }
      },
      'CallExpression:exit'(node) {
        const top = stack[stack.length - 1];
        if (top && node.arguments[0] === top.fn) stack.pop();
      },
      MemberExpression(node) {
        for (const t of stack) {
          if (node.range[0] < t.fn.range[0] || node.range[1] > t.fn.range[1]) continue;
          if (text(node, source) === t.handle) {
            context.report({ node, messageId: 'outer', data: { handle: t.handle } });
          }
        }
      },
    };
  },
};
