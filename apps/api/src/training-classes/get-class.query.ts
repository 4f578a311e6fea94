import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { TrainingClassState } from '@app/pipeline';
import { StreamCommands } from '../commands/stream-commands';
import { CLASS_MODEL, classStream } from '../commands/stream-models';

export class GetClass {
  constructor(readonly classId: string) {}
}

@QueryHandler(GetClass)
export class GetClassHandler implements IQueryHandler<GetClass, { state: TrainingClassState; revision: number }> {
  constructor(private readonly streams: StreamCommands) {}

  execute({ classId }: GetClass) {
    return this.streams.load(classStream(classId), CLASS_MODEL);
  }
}
