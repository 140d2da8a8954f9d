import { badRequestHttp } from '../../http/rest-errors';

/** What the inspector's device says of a photo, and the upload's own key; all optional. */
export interface FieldMetadata {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  positionAccuracy: number | null;
  clientKey: string | null;
}

const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** A device clock a little ahead is tolerated; a photo from the future is not. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

function number(value: string | undefined, field: string, min: number, max: number): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw badRequestHttp(`${field} 应为 ${min} 到 ${max} 之间的数`);
  return n;
}

/**
 * The multipart fields `takenAt` (ISO time), `latitude`, `longitude`, `accuracy` (metres) and
 * `clientKey` (8–100 letters, digits, - or _). A position comes whole (both coordinates) or not at all.
 */
export function fieldMetadata(fields: Record<string, string>, now = new Date()): FieldMetadata {
  let takenAt: Date | null = null;
  if (fields.takenAt) {
    takenAt = new Date(fields.takenAt);
    if (Number.isNaN(takenAt.getTime())) throw badRequestHttp('拍摄时间无效');
    if (takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badRequestHttp('拍摄时间不能晚于现在');
  }
  const latitude = number(fields.latitude, '纬度', -90, 90);
  const longitude = number(fields.longitude, '经度', -180, 180);
  if ((latitude === null) !== (longitude === null)) throw badRequestHttp('位置须同时包含经度和纬度');
  const positionAccuracy = latitude === null ? null : number(fields.accuracy, '定位精度', 0, 100_000);
  const clientKey = fields.clientKey || null;
  if (clientKey !== null && !KEY.test(clientKey)) throw badRequestHttp('clientKey 应为 8 到 100 位字母、数字、- 或 _');
  return { takenAt, latitude, longitude, positionAccuracy, clientKey };
}
