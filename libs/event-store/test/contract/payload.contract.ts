import { EventTooLargeError, type EventStore } from '../../src';
import { metadata, newEvent, rejection, uniqueStream } from '../fixtures';
import { ContractTarget, useStore } from './target';

const MiB = 1024 * 1024;

const vietnamese = {
  province: 'Tỉnh Bắc Giang',
  commune: 'Xã Ngọc Vân',
  district: 'Huyện Tân Yên',
  title: 'Phó Chủ tịch Ủy ban nhân dân xã',
  name: 'Nguyễn Thị Hương Giang',
  school: 'Trường Chính trị tỉnh',
  mixed: 'Đảng ủy – “cán bộ nguồn” ½ ✓ 𝔸',
};

export function payloadContract(target: ContractTarget, maxEventBytes: number): void {
  describe('payloads', () => {
    const store = useStore(target);

    it('round-trips Vietnamese text byte for byte in stream ids, data and metadata', async () => {
      const stream = uniqueStream('ứng-viên-Bắc-Giang');
      const event = newEvent('CandidateRegistered', vietnamese, {
        metadata: metadata({ actor: { id: 'Trần Văn Đức', role: 'district-board', unit: '217' }, reason: 'Đủ điều kiện' }),
      });
      for (const text of Object.values(vietnamese)) expect(text).toBe(text.normalize('NFC'));
      await store().append(stream, [event]);
      const [stored] = await store().readStream(stream);
      expect(stored.streamId).toBe(stream);
      expect(Buffer.from(JSON.stringify(stored.data), 'utf8').equals(Buffer.from(JSON.stringify(vietnamese), 'utf8'))).toBe(true);
      expect(stored.metadata.actor.id).toBe('Trần Văn Đức');
      expect(stored.metadata.reason).toBe('Đủ điều kiện');
    });

    it('stores text exactly as given: it does not normalise NFD into NFC behind the caller', async () => {
      const stream = uniqueStream('nfd');
      const decomposed = 'Bắc Giang'.normalize('NFD');
      await store().append(stream, [newEvent('Named', { name: decomposed })]);
      const [stored] = await store().readStream(stream);
      expect((stored.data as { name: string }).name).toBe(decomposed);
      expect((stored.data as { name: string }).name).not.toBe('Bắc Giang');
    });

    it('accepts a 1 MiB event and rejects an oversize one with the size and the limit, storing nothing', async () => {
      const stream = uniqueStream('large');
      const big = newEvent('Attachment', { body: 'x'.repeat(MiB) });
      await store().append(stream, [big]);
      const [stored] = await store().readStream(stream);
      expect((stored.data as { body: string }).body).toHaveLength(MiB);

      const oversize = newEvent('Attachment', { body: 'x'.repeat(maxEventBytes) });
      const error = await rejection(store().append(stream, [newEvent('Small', {}), oversize]), EventTooLargeError, {
        eventId: oversize.id,
        maxBytes: maxEventBytes,
      });
      expect(error.sizeBytes).toBeGreaterThan(maxEventBytes);
      expect(error.message).toContain(`limit is ${maxEventBytes} bytes`);
      expect(await countEvents(store(), stream)).toBe(1);
    });
  });
}

async function countEvents(store: EventStore, stream: string): Promise<number> {
  return (await store.readStream(stream)).length;
}
