/// <reference types="vite/client" />

declare module 'virtual:gridwatch-introspection' {
  import type { IntrospectionSchema } from 'graphql';
  const schema: IntrospectionSchema;
  export default schema;
}
