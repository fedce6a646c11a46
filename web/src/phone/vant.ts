// The Vant components the phone app uses, each with its own styles: the first download carries only these.
import type { App } from 'vue';
import { Badge, Button, Cell, CellGroup, Empty, Field, Icon, NavBar, NoticeBar, Step, Steps, Tabbar, TabbarItem, Tag } from 'vant';
import 'vant/es/badge/style/index';
import 'vant/es/button/style/index';
import 'vant/es/cell/style/index';
import 'vant/es/cell-group/style/index';
import 'vant/es/empty/style/index';
import 'vant/es/field/style/index';
import 'vant/es/icon/style/index';
import 'vant/es/nav-bar/style/index';
import 'vant/es/notice-bar/style/index';
import 'vant/es/step/style/index';
import 'vant/es/steps/style/index';
import 'vant/es/tabbar/style/index';
import 'vant/es/tabbar-item/style/index';
import 'vant/es/tag/style/index';
import 'vant/es/toast/style/index';

export const vant = {
  install(app: App) {
    for (const component of [Badge, Button, Cell, CellGroup, Empty, Field, Icon, NavBar, NoticeBar, Step, Steps, Tabbar, TabbarItem, Tag]) {
      app.use(component);
    }
  },
};
