import { api, unwrap } from '../../../api/client';
import { etagOf } from '../../../api/versioned';
import type { BodyOf } from '../lib/api-types';
import type { Block } from './lesson-types';

export type NewBlock = BodyOf<'/api/v1/lessons/{lessonId}/blocks', 'post'>;
export type BlockChanges = BodyOf<'/api/v1/blocks/{blockId}', 'patch'>;

export async function loadBlocks(lessonId: string): Promise<Block[]> {
  return (await unwrap(api.GET('/api/v1/lessons/{lessonId}/blocks', { params: { path: { lessonId } } }))).items;
}

export async function addBlock(lessonId: string, block: NewBlock): Promise<Block> {
  return unwrap(api.POST('/api/v1/lessons/{lessonId}/blocks', { params: { path: { lessonId } }, body: block }));
}

export async function changeBlock(block: Block, changes: BlockChanges): Promise<Block> {
  return unwrap(api.PATCH('/api/v1/blocks/{blockId}', { params: { path: { blockId: block.id }, header: { 'if-match': etagOf(block.version) } }, body: changes }));
}

export async function deleteBlock(block: Block): Promise<void> {
  await unwrap(api.DELETE('/api/v1/blocks/{blockId}', { params: { path: { blockId: block.id }, header: { 'if-match': etagOf(block.version) } } }));
}
