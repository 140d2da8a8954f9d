/** One piece of the inspector's work kept on the device until the server has it. */
export interface QueuedBase {
  /** Client-generated; the server does the save or stores the photo once per key. */
  key: string;
  /** The user whose work it is: sent only while they are signed in on this device. */
  owner: string;
  inspectionId: string;
  /** Shown in the queue: the entity's name. */
  label: string;
  queuedAt: number;
  /** Set when the server refused it (it stays, shown, until discarded): no silent loss. */
  refused?: string;
}

export interface QueuedSave extends QueuedBase {
  kind: 'save';
  input: Record<string, string | null>;
}

export interface QueuedPhoto extends QueuedBase {
  kind: 'photo';
  blob: Blob;
  fileName: string;
  takenAt: string;
  position: { latitude: number; longitude: number; accuracy: number } | null;
}

export type QueuedItem = QueuedSave | QueuedPhoto;
