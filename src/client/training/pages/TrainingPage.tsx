import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { Button, Card, Empty, Flex, Tabs } from 'antd';
import { useState } from 'react';
import type { Programme } from '../../../shared/contracts/training';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { isTrainingStaff } from '../access';
import { ClassFormModal } from '../components/ClassFormModal';
import { ProgrammeCalendar } from '../components/ProgrammeCalendar';
import { ProgrammeCard } from '../components/ProgrammeCard';
import { ProgrammeFormModal } from '../components/ProgrammeFormModal';
import { classesQuery, programmesQuery } from '../queries';

/**
 * 培训项目: each programme with its plan against actual and its classes; staff create and edit
 * programmes and classes; readers see a calendar of sessions across classes. Units and teachers see
 * the classes the server lists for them; a trainee goes to their own page.
 */
export function TrainingPage() {
  const me = useMe();
  if (me.role === 'person') return <Navigate to={'/admin/training/my' as never} replace />;
  return <Console />;
}

function Console() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useQuery(programmesQuery);
  const classes = useQuery(classesQuery());
  const [editingProgramme, setEditingProgramme] = useState<{ p: Programme | null } | null>(null);
  const [addingClassTo, setAddingClassTo] = useState<Programme | null>(null);
  const staff = isTrainingStaff(me);
  const reader = me.role === 'admin' || me.role === 'committee';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training'] });

  const list = (ps: Programme[]) => {
    // Units and teachers see only the programmes of the classes listed for them.
    const shown = reader ? ps : ps.filter((p) => (classes.data ?? []).some((c) => c.programmeId === p.id));
    return shown.length === 0 ? <Empty description={t('training.none')} /> : (
      <Flex vertical gap={16}>
        {shown.map((p) => (
          <ProgrammeCard key={p.id} programme={p} classes={(classes.data ?? []).filter((c) => c.programmeId === p.id)} staff={staff}
            onEdit={() => setEditingProgramme({ p })} onAddClass={() => setAddingClassTo(p)} />
        ))}
      </Flex>
    );
  };

  return (
    <Card title={t('training.title')} extra={staff && <Button type="primary" onClick={() => setEditingProgramme({ p: null })}>{t('training.programme.create')}</Button>}>
      <QueryResult query={programmes}>
        {(ps) => reader ? (
          <Tabs items={[
            { key: 'programmes', label: t('training.title'), children: list(ps) },
            { key: 'calendar', label: t('training.programme.calendar'), children: <ProgrammeCalendar programmes={ps} /> },
          ]} />
        ) : list(ps)}
      </QueryResult>
      {editingProgramme && (
        <ProgrammeFormModal open programme={editingProgramme.p} onClose={() => setEditingProgramme(null)} onSaved={() => { setEditingProgramme(null); void refresh(); }} />
      )}
      {addingClassTo && (
        <ClassFormModal open programme={addingClassTo} cls={null} onClose={() => setAddingClassTo(null)}
          onSaved={(c) => {
            setAddingClassTo(null);
            void refresh();
            void navigate({ to: '/admin/training/classes/$id', params: { id: String(c.id) } });
          }} />
      )}
    </Card>
  );
}
