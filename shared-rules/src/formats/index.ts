export { maskNonProse } from './mask';
export {
  parseDirectives,
  findDirectives,
  directiveComment,
  type Suppressions,
  type Directive,
  type DirectiveKind,
} from './directives';
export { findPlaceholders, type Span } from './placeholders';
