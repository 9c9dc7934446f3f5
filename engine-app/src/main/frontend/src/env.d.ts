/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
declare module 'element-plus/es/locale/lang/zh-cn' {
  const locale: import('element-plus').Language;
  export default locale;
}
declare module 'bpmn-js/lib/NavigatedViewer';
declare module '@bpmn-io/form-js-viewer';
