// The Element Plus components the console uses, registered one by one: the bundle carries these, not the whole
// library (a new <el-…> in a template needs its line here; vue-tsc and the browser tests catch a missing one).
import type { App, Plugin } from 'vue';
import {
  ElAlert, ElButton, ElCheckbox, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElForm,
  ElFormItem, ElHeader, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElProgress, ElRadioButton,
  ElRadioGroup, ElRate, ElSelect, ElSwitch, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTree,
} from 'element-plus';

const used: Plugin[] = [
  ElAlert, ElButton, ElCheckbox, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElForm,
  ElFormItem, ElHeader, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElProgress, ElRadioButton,
  ElRadioGroup, ElRate, ElSelect, ElSwitch, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTree,
];

export const elements: Plugin = {
  install(app: App) {
    for (const component of used) app.use(component);
  },
};
