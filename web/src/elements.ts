// The Element Plus components the console uses, registered one by one: the bundle carries these, not the whole
// library. A parent registers its parts (ElRadio its buttons and group, ElSelect its options, ElTable its
// columns); a part's own export registers nothing. A new <el-…> in a template needs its parent here: the browser
// tests fail on any <el-…> element left unresolved in a page.
import type { App, Plugin } from 'vue';
import {
  ElAlert, ElButton, ElCheckbox, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElForm,
  ElFormItem, ElHeader, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElProgress, ElRadio, ElRadioButton,
  ElRadioGroup, ElRate, ElSelect, ElSwitch, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTree,
} from 'element-plus';

const used: Plugin[] = [
  ElAlert, ElButton, ElCheckbox, ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElForm,
  ElFormItem, ElHeader, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElProgress, ElRadio, ElRadioButton,
  ElRadioGroup, ElRate, ElSelect, ElSwitch, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTree,
];

export const elements: Plugin = {
  install(app: App) {
    for (const component of used) app.use(component);
  },
};
