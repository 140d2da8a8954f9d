/**
 * The entity form's values, the USCC check as typed (the shared GB 32100-2015 check) or a natural
 * person's ID number (GB 11643), and the server's EntityInput.
 */
import type { FormRule } from 'antd';
import { checkIdNumber, checkUscc } from '@spotcheck/shared';
import type { CreditClass, EntityInput, EntityKind, EntityRow, EntityStatus, RiskLevel } from './operations';

export interface EntityFormValues {
  name: string;
  kind: EntityKind;
  uscc: string;
  /** A natural person's ID number: sent once, never shown again (the server keeps only a hash and a masked form). */
  idNumber?: string;
  confirmChecksum: boolean;
  registrationAuthority?: string;
  legalRepresentative?: string;
  address?: string;
  regionCode: string | null;
  industry?: string;
  targetType?: string;
  status: EntityStatus;
  creditClass: CreditClass | null;
  riskLevel: RiskLevel | null;
  complaints: number | null;
  violationRecord?: string;
  supervisingDepartmentId: string | null;
}

export function entityValues(entity: EntityRow | null, regionCode: string | null): EntityFormValues {
  if (!entity) {
    return {
      name: '',
      kind: 'ORGANIZATION',
      uscc: '',
      confirmChecksum: false,
      regionCode,
      status: 'EXISTING',
      creditClass: null,
      riskLevel: null,
      complaints: 0,
      supervisingDepartmentId: null,
    };
  }
  return {
    name: entity.name,
    kind: entity.kind,
    uscc: entity.kind === 'PERSON' ? '' : entity.uscc,
    idNumber: '',
    confirmChecksum: entity.usccChecksumOverride,
    registrationAuthority: entity.registrationAuthority ?? '',
    legalRepresentative: entity.legalRepresentative ?? '',
    address: entity.address ?? '',
    regionCode: entity.regionCode,
    industry: entity.industry ?? '',
    targetType: entity.targetType ?? '',
    status: entity.status,
    creditClass: entity.creditClass,
    riskLevel: entity.riskLevel,
    complaints: entity.complaints,
    violationRecord: entity.violationRecord ?? '',
    supervisingDepartmentId: entity.supervisingDepartment?.id ?? null,
  };
}

const text = (v: string | undefined) => v?.trim() || null;

export function entityInput(values: EntityFormValues): EntityInput {
  const person = values.kind === 'PERSON';
  return {
    name: values.name.trim(),
    // A person edited without a new number keeps the stored one (neither field is sent).
    ...(person ? (text(values.idNumber) ? { idNumber: text(values.idNumber) } : {}) : { uscc: values.uscc }),
    registrationAuthority: text(values.registrationAuthority),
    legalRepresentative: text(values.legalRepresentative),
    address: text(values.address),
    regionCode: values.regionCode,
    industry: text(values.industry),
    targetType: text(values.targetType),
    status: values.status,
    creditClass: values.creditClass,
    riskLevel: values.riskLevel,
    complaints: values.complaints ?? 0,
    violationRecord: text(values.violationRecord),
    supervisingDepartmentId: values.supervisingDepartmentId,
  };
}

/** Only a checksum mismatch may be confirmed; a wrong length or character never. */
export function usccChecksumOnly(value: string | undefined): boolean {
  return checkUscc(value ?? '').problem?.code === 'USCC_CHECKSUM';
}

/** Structural problems are errors; an empty value is left to `required`. */
export const usccRule: FormRule = {
  validator: (_, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const { problem } = checkUscc(value);
    return problem && problem.code !== 'USCC_CHECKSUM' ? Promise.reject(new Error(problem.message)) : Promise.resolve();
  },
};

/** An ID number with a wrong shape, date or check character is an error; an empty value is left to `required`. */
export const idNumberRule: FormRule = {
  validator: (_, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const { problem } = checkIdNumber(value);
    return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
  },
};
