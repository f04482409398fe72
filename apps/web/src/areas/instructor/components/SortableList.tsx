import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SortableListProps<T> {
  items: T[];
  idOf: (item: T) => string;
  /** The item's name, for the drag handle's and the move buttons' labels and the announcements. */
  nameOf: (item: T) => string;
  onMove: (from: number, to: number) => void;
  renderItem: (item: T, index: number) => ReactNode;
  disabled?: boolean;
  /** Names the list for assistive technology ("Lessons of Module 1"). */
  label: string;
}

/**
 * A list reordered by dragging (pointer, or the keyboard: Space on the handle, arrows, Space again) and by
 * "Move up" / "Move down" buttons, so no one depends on dragging. Each move is reported as (from, to).
 */
export function SortableList<T>({ items, idOf, nameOf, onMove, renderItem, disabled, label }: SortableListProps<T>) {
  const { t } = useTranslation('instructor');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(idOf);
  const nameById = useMemo(() => new Map(items.map((item) => [idOf(item), nameOf(item)])), [items, idOf, nameOf]);
  const positionOf = (id: unknown) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('sortable.picked', { name: nameById.get(String(active.id)), position: positionOf(active.id), count: ids.length }),
    onDragOver: ({ active, over }) => (over ? t('sortable.over', { name: nameById.get(String(active.id)), position: positionOf(over.id), count: ids.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('sortable.dropped', { name: nameById.get(String(active.id)), position: positionOf(over.id), count: ids.length }) : undefined),
    onDragCancel: ({ active }) => t('sortable.cancelled', { name: nameById.get(String(active.id)) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('sortable.instructions') } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled ?? false}>
        <ol className="sortable-list" aria-label={label}>
          {items.map((item, index) => (
            <SortableRow key={idOf(item)} id={idOf(item)} name={nameOf(item)} index={index} count={items.length} disabled={disabled ?? false} onMove={onMove}>
              {renderItem(item, index)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, name, index, count, disabled, onMove, children }: { id: string; name: string; index: number; count: number; disabled: boolean; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const { t } = useTranslation('instructor');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  const style = { transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 2 : undefined, position: 'relative' as const };
  return (
    <li ref={setNodeRef} style={style} className={`sortable-row${isDragging ? ' dragging' : ''}`}>
      <button type="button" className="drag-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('sortable.handle', { name })} disabled={disabled}>
        <span aria-hidden="true">⠿</span>
      </button>
      <div className="sortable-content">{children}</div>
      <div className="sortable-moves">
        <button type="button" className="btn secondary small" disabled={disabled || index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('sortable.moveUp', { name })}>↑</button>
        <button type="button" className="btn secondary small" disabled={disabled || index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('sortable.moveDown', { name })}>↓</button>
      </div>
    </li>
  );
}
