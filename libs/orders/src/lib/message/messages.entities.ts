import { MessageEntity } from './message.entity';
import { MessageReadEntity } from './message-read.entity';

export const MESSAGES_ENTITIES = [MessageEntity, MessageReadEntity];
