import { Initial1795463404636 } from './1795463404636-Initial';
import { TenantWalls1795463500000 } from './1795463500000-TenantWalls';
import { BureausAndPeople1795464011646 } from './1795464011646-BureausAndPeople';
import { PeopleWalls1795464100000 } from './1795464100000-PeopleWalls';
import { Directories1795464885545 } from './1795464885545-Directories';
import { DirectoryWalls1795464900000 } from './1795464900000-DirectoryWalls';
import { ItemPosition1795465449064 } from './1795465449064-ItemPosition';
import { AnnualPlans1795465738600 } from './1795465738600-AnnualPlans';
import { PlanWalls1795465800000 } from './1795465800000-PlanWalls';
import { Tasks1795466161193 } from './1795466161193-Tasks';
import { TaskWalls1795466200000 } from './1795466200000-TaskWalls';
import { Draws1795466673257 } from './1795466673257-Draws';
import { DrawWalls1795466700000 } from './1795466700000-DrawWalls';
import { JointTasks1796112973988 } from './1796112973988-JointTasks';
import { JointWalls1796112980000 } from './1796112980000-JointWalls';
import { Calendar1796113322569 } from './1796113322569-Calendar';
import { CalendarWalls1796113400000 } from './1796113400000-CalendarWalls';
import { Inspections1796113756945 } from './1796113756945-Inspections';
import { InspectionWalls1796113800000 } from './1796113800000-InspectionWalls';
import { EvidenceAndStatements1796115551397 } from './1796115551397-EvidenceAndStatements';
import { VoiceWalls1796115600000 } from './1796115600000-VoiceWalls';
import { DrawRecusalFields1796116017163 } from './1796116017163-DrawRecusalFields';
import { Notifications1796116329073 } from './1796116329073-Notifications';
import { NotificationWalls1796116400000 } from './1796116400000-NotificationWalls';
import { CreditLoop1796117097008 } from './1796117097008-CreditLoop';
import { CreditWalls1796117100000 } from './1796117100000-CreditWalls';
import { PortalViews1796117200000 } from './1796117200000-PortalViews';
import { LoginFailureWalls1796117300000 } from './1796117300000-LoginFailureWalls';
import { DashboardWalls1796118000000 } from './1796118000000-DashboardWalls';
import { JointVisitParts1796118400000 } from './1796118400000-JointVisitParts';
import { YearCaps1796119400000 } from './1796119400000-YearCaps';
import { SeedFields1796119500000 } from './1796119500000-SeedFields';
import { DeadlineChain1796121000000 } from './1796121000000-DeadlineChain';
import { RuleGovernance1796596990502 } from './1796596990502-RuleGovernance';
import { RuleGovernanceWalls1796597000000 } from './1796597000000-RuleGovernanceWalls';
import { RateLimitWalls1796597100000 } from './1796597100000-RateLimitWalls';
import { LoginThrottles1796600500000 } from './1796600500000-LoginThrottles';
import { AuditAnchors1796606618055 } from './1796606618055-AuditAnchors';
import { AuditAnchorWalls1796606700000 } from './1796606700000-AuditAnchorWalls';
import { RoleGrants1796606739592 } from './1796606739592-RoleGrants';
import { RoleGrantWalls1796606800000 } from './1796606800000-RoleGrantWalls';
import { ImportFileBytes1796607323433 } from './1796607323433-ImportFileBytes';
import { DrawPseudonyms1796700000000 } from './1796700000000-DrawPseudonyms';
import { DrawDisclosureWalls1796700100000 } from './1796700100000-DrawDisclosureWalls';
import { ListIndexes1796710000000 } from './1796710000000-ListIndexes';
import { PortalResultIndexes1796720000000 } from './1796720000000-PortalResultIndexes';
import { AnnualReport1796720100000 } from './1796720100000-AnnualReport';
import { CreditLists1796830000000 } from './1796830000000-CreditLists';
import { CreditListWalls1796830100000 } from './1796830100000-CreditListWalls';
import { Referrals1796731800000 } from './1796731800000-Referrals';
import { ReferralWalls1796731800100 } from './1796731800100-ReferralWalls';
import { InspectionHandling1796900100000 } from './1796900100000-InspectionHandling';
import { PublicHandling1796900200000 } from './1796900200000-PublicHandling';
import { AnnualReportHandling1796900300000 } from './1796900300000-AnnualReportHandling';
import { Rectifications1796960000000 } from './1796960000000-Rectifications';
import { RectificationWalls1796960100000 } from './1796960100000-RectificationWalls';
import { AnnualReportReferrals1796965100000 } from './1796965100000-AnnualReportReferrals';
import { PublicEntityHistory1796965200000 } from './1796965200000-PublicEntityHistory';
import { AnnualReportCredit1796965400000 } from './1796965400000-AnnualReportCredit';
import { OwnHandlingOutcomes1796970000000 } from './1796970000000-OwnHandlingOutcomes';
import { RecheckDraw1796970100000 } from './1796970100000-RecheckDraw';
import { RectificationFiles1796970200000 } from './1796970200000-RectificationFiles';
import { AnnualReportOwnOutcomes1796970300000 } from './1796970300000-AnnualReportOwnOutcomes';
import { FieldEvidence1796970400000 } from './1796970400000-FieldEvidence';
import { DrawPublicNumberDigits1796970457000 } from './1796970457000-DrawPublicNumberDigits';
import { NotificationChannels1796980000000 } from './1796980000000-NotificationChannels';
import { NotificationChannelWalls1796980100000 } from './1796980100000-NotificationChannelWalls';
import { JointAssignmentNotices1796980200000 } from './1796980200000-JointAssignmentNotices';
import { ImportErrorRowContent1796980400000 } from './1796980400000-ImportErrorRowContent';
import { JointVisits1796990000000 } from './1796990000000-JointVisits';
import { ReferralNotices1796990100000 } from './1796990100000-ReferralNotices';
import { PlatformScopeFunction1796990200000 } from './1796990200000-PlatformScopeFunction';
import { PlpgsqlTenantFunctions1796990300000 } from './1796990300000-PlpgsqlTenantFunctions';

// Applied in this order. Generated migrations come from `npm run migration:generate -w server -- Name`.
export const MIGRATIONS: Function[] = [
  Initial1795463404636,
  TenantWalls1795463500000,
  BureausAndPeople1795464011646,
  PeopleWalls1795464100000,
  Directories1795464885545,
  DirectoryWalls1795464900000,
  ItemPosition1795465449064,
  AnnualPlans1795465738600,
  PlanWalls1795465800000,
  Tasks1795466161193,
  TaskWalls1795466200000,
  Draws1795466673257,
  DrawWalls1795466700000,
  JointTasks1796112973988,
  JointWalls1796112980000,
  Calendar1796113322569,
  CalendarWalls1796113400000,
  Inspections1796113756945,
  InspectionWalls1796113800000,
  EvidenceAndStatements1796115551397,
  VoiceWalls1796115600000,
  DrawRecusalFields1796116017163,
  Notifications1796116329073,
  NotificationWalls1796116400000,
  CreditLoop1796117097008,
  CreditWalls1796117100000,
  PortalViews1796117200000,
  LoginFailureWalls1796117300000,
  DashboardWalls1796118000000,
  JointVisitParts1796118400000,
  YearCaps1796119400000,
  SeedFields1796119500000,
  DeadlineChain1796121000000,
  RuleGovernance1796596990502,
  RuleGovernanceWalls1796597000000,
  RateLimitWalls1796597100000,
  LoginThrottles1796600500000,
  AuditAnchors1796606618055,
  AuditAnchorWalls1796606700000,
  RoleGrants1796606739592,
  RoleGrantWalls1796606800000,
  ImportFileBytes1796607323433,
  DrawPseudonyms1796700000000,
  DrawDisclosureWalls1796700100000,
  ListIndexes1796710000000,
  PortalResultIndexes1796720000000,
  AnnualReport1796720100000,
  CreditLists1796830000000,
  CreditListWalls1796830100000,
  Referrals1796731800000,
  ReferralWalls1796731800100,
  InspectionHandling1796900100000,
  PublicHandling1796900200000,
  AnnualReportHandling1796900300000,
  Rectifications1796960000000,
  RectificationWalls1796960100000,
  AnnualReportReferrals1796965100000,
  PublicEntityHistory1796965200000,
  AnnualReportCredit1796965400000,
  OwnHandlingOutcomes1796970000000,
  RecheckDraw1796970100000,
  RectificationFiles1796970200000,
  AnnualReportOwnOutcomes1796970300000,
  FieldEvidence1796970400000,
  DrawPublicNumberDigits1796970457000,
  NotificationChannels1796980000000,
  NotificationChannelWalls1796980100000,
  JointAssignmentNotices1796980200000,
  ImportErrorRowContent1796980400000,
  JointVisits1796990000000,
  ReferralNotices1796990100000,
  PlatformScopeFunction1796990200000,
  PlpgsqlTenantFunctions1796990300000,
];
