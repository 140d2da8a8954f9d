import type { SpotCheckModule } from '../../core/module';
import { AnnualReportResolver } from './annual-report.resolver';
import { registerReportRoutes } from './report-download';

/** 年度双随机工作总结: the page's query and its xlsx and PDF downloads. */
export const reportsModule: SpotCheckModule = {
  name: 'reports',
  resolvers: [AnnualReportResolver],
  routes: (web, app) => registerReportRoutes(web, app),
};
