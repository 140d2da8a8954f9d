import { defineMessages } from '../../app/i18n';

export const settingsMessages = defineMessages(
  {
    title: '单位设置',
    intro: '以下内容显示在本单位的公示页上；留空则不显示。',
    displayName: '对外显示名称',
    displayNameHint: '留空时使用单位名称“{name}”',
    contact: '联系方式',
    contactPlaceholder: '如：0736-1234567，常德市武陵区××路×号',
    publicHeader: '公示页页眉',
    publicFooter: '公示页页脚',
    saved: '单位设置已保存',
  },
  {
    title: 'Unit settings',
    intro: 'Shown on the unit’s public pages; leave a field empty to show nothing.',
    displayName: 'Public name',
    displayNameHint: 'When empty the unit’s name “{name}” is used',
    contact: 'Contact',
    contactPlaceholder: 'e.g. phone and address',
    publicHeader: 'Public page header',
    publicFooter: 'Public page footer',
    saved: 'Unit settings saved',
  },
);
