import { Tag } from 'antd';
import type { Award } from '../../../shared/selection/commendation';
import { useT, type MessageKey } from '../../i18n';

const PROMOTION_COLORS = { to_technician: 'gold', early_senior_technician: 'blue', none: 'default' } as const;

/** 晋升技师 / 可破格参加高级技师考评 / 保持原等级. */
export function PromotionTag({ a }: { a: Pick<Award, 'promotion'> }) {
  const t = useT();
  return <Tag color={PROMOTION_COLORS[a.promotion]}>{t(`commend.promotion.${a.promotion}` as MessageKey)}</Tag>;
}
