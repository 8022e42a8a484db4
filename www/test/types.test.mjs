// index.d.ts is written by hand; this test holds it to the implementation. It reads
// the declarations and the sources with the TypeScript parser (no type checking:
// www/test/types/usage.ts does that) and compares them with what the code reads,
// dispatches and throws, and with the kinds and validators of the wasm module.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { browserEntry, nodeEntry, pkgDir, www } from './helpers.mjs';
import { KIND_LABELS, MESSAGES } from '../src/protect/messages.js';

const src = join(www, 'src');
const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const dts = parse(join(src, 'index.d.ts'));
const protectFiles = readdirSync(join(src, 'protect')).filter((f) => f.endsWith('.js')).map((f) => parse(join(src, 'protect', f)));
const chatFile = parse(join(src, 'chat.js'));
const apiFile = parse(join(src, 'api.js'));

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}
const sorted = (xs) => [...new Set(xs)].sort();

// --- index.d.ts
function declaration(name) {
  let found = null;
  walk(dts, (n) => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === name && !found) found = n;
  });
  assert.ok(found, `index.d.ts declares ${name}`);
  return found;
}
/** Member names of an interface: `{ name, optional }`. */
function members(name) {
  return declaration(name).members.filter((m) => m.name).map((m) => ({ name: m.name.text, optional: !!m.questionToken }));
}
const memberNames = (name) => members(name).map((m) => m.name);
/** The string literals of a union type alias, in order. */
function union(name, node = declaration(name).type) {
  const out = [];
  walk(node, (n) => { if (ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal)) out.push(n.literal.text); });
  return out;
}
/** The exported values (functions and consts) of index.d.ts. */
function valueExports() {
  const out = [];
  for (const s of dts.statements) {
    const exported = s.modifiers && s.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(s)) out.push(s.name.text);
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) out.push(d.name.text);
  }
  return sorted(out);
}

// --- sources
const calleeName = (call) => (ts.isIdentifier(call.expression) ? call.expression.text
  : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : '');
const isMember = (call) => ts.isPropertyAccessExpression(call.expression);
function calls(files, name) {
  const out = [];
  for (const f of files) walk(f, (n) => { if (ts.isCallExpression(n) && calleeName(n) === name) out.push(n); });
  return out;
}
/** String literals an expression can evaluate to (literals and both arms of `?:`). */
function literals(e) {
  if (!e) return [];
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isConditionalExpression(e)) return [...literals(e.whenTrue), ...literals(e.whenFalse)];
  if (ts.isParenthesizedExpression(e)) return literals(e.expression);
  return [];
}
/** Property names read from the identifier `obj` (`opt.guard` → 'guard'). */
function reads(files, obj) {
  const out = [];
  for (const f of files) {
    walk(f, (n) => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === obj) out.push(n.name.text);
    });
  }
  return sorted(out);
}
/** Every `emit(win, target, 'pii-veil:…', { … })`: its name and the detail's keys. */
function emits() {
  return calls(protectFiles, 'emit').filter((c) => c.arguments.length === 4).map((c) => {
    const [, , type, detail] = c.arguments;
    assert.ok(ts.isStringLiteral(type), `event name is a literal: ${c.getText()}`);
    assert.ok(ts.isObjectLiteralExpression(detail), `detail is an object literal: ${c.getText()}`);
    const props = detail.properties.map((p) => ({ name: p.name.text, values: ts.isPropertyAssignment(p) ? literals(p.initializer) : [] }));
    return { name: type.text, props };
  });
}

const pv = await import(pathToFileURL(nodeEntry));
const glue = await import(pathToFileURL(join(pkgDir, 'wasm', 'pii_veil.js')));
await pv.init();

test('index.d.ts declares exactly the exports of the node and the browser entry', async () => {
  const browser = await import(pathToFileURL(browserEntry));
  assert.deepEqual(valueExports(), Object.keys(pv).sort());
  assert.deepEqual(valueExports(), Object.keys(browser).sort());
});

test('kind ids and validator names: the wasm module, api.js, index.d.ts and the kind names agree', () => {
  const kinds = glue.kinds();
  const validators = glue.validators();
  assert.ok(kinds.length > 10 && validators.length > 10);
  assert.deepEqual(union('KindId'), kinds, 'KindId in index.d.ts');
  assert.deepEqual(union('ValidatorName'), validators, 'ValidatorName in index.d.ts');
  assert.deepEqual([...pv.KINDS], kinds, 'KINDS in api.js');
  assert.deepEqual([...pv.VALIDATORS], validators, 'VALIDATORS in api.js');
  // The lists in api.js are literal (so the script tag needs no engine to show them).
  const apiLists = {};
  walk(apiFile, (n) => {
    if (ts.isVariableDeclaration(n) && ['KINDS', 'VALIDATORS'].includes(n.name.text)) {
      apiLists[n.name.text] = n.initializer.arguments[0].elements.map((e) => e.text);
    }
  });
  assert.deepEqual(apiLists, { KINDS: kinds, VALIDATORS: validators });
  assert.deepEqual(Object.keys(KIND_LABELS), kinds, 'KIND_LABELS in protect/messages.js');
  assert.deepEqual(Object.keys(MESSAGES.en.kinds), kinds);
  assert.deepEqual(Object.keys(MESSAGES.de.kinds), kinds);
});

test('ProtectOptions has every option protect() reads, and nothing else', () => {
  assert.deepEqual(sorted(memberNames('ProtectOptions')), reads(protectFiles, 'opt'));
  assert.ok(memberNames('ProtectOptions').includes('cssHighlights'));
  assert.ok(members('ProtectOptions').every((m) => m.optional), 'every option is optional');
});

test('ChatOptions has every chat option chat.js reads, and nothing else', () => {
  assert.deepEqual(sorted(memberNames('ChatOptions')), reads([chatFile], 'o'));
});

test('ProtectMessages lists the built-in texts of both languages', () => {
  assert.deepEqual(sorted(memberNames('ProtectMessages')), Object.keys(MESSAGES.en).sort());
  assert.deepEqual(Object.keys(MESSAGES.de).sort(), Object.keys(MESSAGES.en).sort());
});

test('ProtectHandle declares what the handle has', () => {
  let handleKeys = null;
  for (const f of protectFiles) {
    walk(f, (n) => {
      if (ts.isFunctionDeclaration(n) && n.name && n.name.text === 'handleOf') {
        walk(n, (r) => { if (ts.isReturnStatement(r) && r.expression && ts.isObjectLiteralExpression(r.expression)) handleKeys = r.expression.properties.map((p) => p.name.text); });
      }
    });
  }
  assert.ok(handleKeys, 'protect/index.js has handleOf()');
  assert.deepEqual(sorted(memberNames('ProtectHandle')), sorted(handleKeys));
});

test('the events protect() dispatches, their details, reasons and routes are declared', () => {
  const map = declaration('PiiVeilEventMap');
  const declared = {};
  for (const m of map.members) {
    const arg = m.type.typeArguments[0];
    declared[m.name.text] = ts.isTypeReferenceNode(arg) && arg.typeName.text !== 'Record' ? members(arg.typeName.text) : [];
  }
  const seen = emits();
  assert.deepEqual(sorted(seen.map((e) => e.name)), sorted(Object.keys(declared)), 'event names');
  for (const e of seen) {
    const allowed = declared[e.name].map((m) => m.name);
    const required = declared[e.name].filter((m) => !m.optional).map((m) => m.name);
    const keys = e.props.map((p) => p.name);
    for (const k of keys) assert.ok(allowed.includes(k), `${e.name}: detail.${k} is declared`);
    for (const k of required) assert.ok(keys.includes(k), `${e.name}: detail.${k} is always set`);
  }
  const reasons = seen.filter((e) => e.name === 'pii-veil:blocked').flatMap((e) => e.props.filter((p) => p.name === 'reason').flatMap((p) => p.values));
  assert.deepEqual(sorted(reasons), sorted(union('BlockedReason')), 'BlockedReason');
  // Routes: `via` literals in details, and the route passed to withScrubbed/report/heldError (chat.js too).
  const routes = seen.flatMap((e) => e.props.filter((p) => p.name === 'via').flatMap((p) => p.values));
  for (const c of calls(protectFiles, 'withScrubbed')) routes.push(...literals(c.arguments[3]));
  for (const name of ['report', 'heldError']) {
    for (const c of calls([...protectFiles, chatFile], name)) routes.push(...literals(c.arguments[isMember(c) ? 0 : 1]));
  }
  assert.deepEqual(sorted(routes), sorted(union('SendRoute')), 'SendRoute');
});

test('the codes of errors and refused requests are declared', () => {
  const codes = [];
  for (const f of [...protectFiles, chatFile, apiFile]) {
    walk(f, (n) => {
      if (ts.isPropertyAssignment(n) && n.name.text === 'code') codes.push(...literals(n.initializer));
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken
        && ts.isPropertyAccessExpression(n.left) && n.left.name.text === 'code') codes.push(...literals(n.right));
    });
  }
  for (const c of calls([...protectFiles, apiFile], 'fail')) codes.push(...literals(c.arguments[0]));
  const held = union('HeldRequestError', declaration('HeldRequestError').members.find((m) => m.name.text === 'code').type);
  const errors = union('ErrorCode');
  assert.deepEqual(sorted(held), ['engine_unavailable', 'unsupported_body']);
  for (const c of sorted(codes)) assert.ok(errors.includes(c) || held.includes(c), `code '${c}' is declared`);
  for (const c of held) assert.ok(codes.includes(c), `code '${c}' is used`);
});
