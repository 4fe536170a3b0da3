import { DateField, FunctionField, SelectField, useTranslate, type DateFieldProps, type SelectFieldProps } from 'react-admin';
import { categoryKey, enumChoices } from './enums';

/** Every date is shown in Asia/Shanghai, whatever the browser's zone. */
export const SHANGHAI: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** Year first in both languages (2026/11/28 08:40, 2026-11-28 08:40): a day-month order reads wrong to half the readers. */
export function formatShanghai(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-CA' : 'zh-CN', SHANGHAI).format(new Date(value)).replace(', ', ' ');
}

export const ShanghaiDateField = (props: DateFieldProps) => <DateField showTime options={SHANGHAI} locales="zh-CN" {...props} />;

export const EnumField = ({ enumName, ...props }: Omit<SelectFieldProps, 'choices'> & { enumName: string }) => (
  <SelectField choices={enumChoices(enumName)} {...props} />
);

/** Category names are data; their codes are translated so English shows English. */
export const CategoryField = ({ source = 'category', label }: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      label={label}
      render={(record: Record<string, { code?: string; name?: string } | undefined>) => {
        const category = record[source];
        return category?.code ? translate(categoryKey(category.code), { _: category.name ?? category.code }) : '';
      }}
    />
  );
};
