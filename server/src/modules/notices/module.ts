import type { SpotCheckModule } from '../../core/module';
import { noticeDownloadRoute } from './notice-download';
import { loadTaskNotice } from './task-notice';

export const noticesModule: SpotCheckModule = {
  name: 'notices',
  routes: (web, app) => {
    web.get(
      '/api/public/notices/:file',
      noticeDownloadRoute(app, (req, id) => loadTaskNotice(app, req, id)),
    );
  },
};
