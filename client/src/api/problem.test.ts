import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '../app/auth/LoginPage';
import { shellDictionaries, translator } from '../app/i18n';
import { ApiError, mapProblemToFields, problemTypes } from './problem';

describe('mapProblemToFields', () => {
  const fields = ['code', 'name', 'households', 'parentId'] as const;

  it('puts validation errors on the fields they name, whatever their case or prefix', () => {
    const mapped = mapProblemToFields(
      {
        type: problemTypes.validation,
        errors: { Code: ['Required.'], 'body.households': ['Must be ≥ 0.'], name: ['Too long.', 'Bad char.'] },
      },
      fields,
    );
    expect(mapped.fields).toEqual([
      { name: 'code', errors: ['Required.'] },
      { name: 'households', errors: ['Must be ≥ 0.'] },
      { name: 'name', errors: ['Too long.', 'Bad char.'] },
    ]);
    expect(mapped.unmatched).toEqual([]);
  });

  it('returns the messages for fields the form lacks as unmatched', () => {
    const mapped = mapProblemToFields({ errors: { level: ['Not allowed here.'], code: ['Taken.'] } }, fields);
    expect(mapped.fields).toEqual([{ name: 'code', errors: ['Taken.'] }]);
    expect(mapped.unmatched).toEqual(['Not allowed here.']);
  });

  it('puts a duplicate problem on the field its `field` extension names', () => {
    const mapped = mapProblemToFields(
      { type: problemTypes.duplicate, status: 409, title: 'Duplicate', detail: 'Code 310106021001 is taken.', field: 'code' },
      fields,
    );
    expect(mapped.fields).toEqual([{ name: 'code', errors: ['Code 310106021001 is taken.'] }]);
  });

  it('leaves a problem about no field (a rule or a conflict) for a notification', () => {
    const mapped = mapProblemToFields(
      { type: problemTypes.hasActiveChildren, status: 409, title: 'Has children', detail: 'Close the children first.' },
      fields,
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.unmatched).toEqual(['Close the children first.']);
  });
});

describe('signInErrorMessage', () => {
  const t = translator(shellDictionaries['zh-CN']);
  const fail = (type: string, extra: object = {}) => new ApiError(400, { type, ...extra });

  it('has a message for every sign-in problem', () => {
    expect(signInErrorMessage(fail(problemTypes.invalidCredentials), t)).toBe('用户名或密码错误。');
    expect(signInErrorMessage(fail(problemTypes.accountDisabled), t)).toContain('停用');
    expect(signInErrorMessage(fail(problemTypes.rateLimited), t)).toContain('频繁');
    expect(signInErrorMessage(fail(problemTypes.accountLocked, { lockedUntil: '2026-01-02T03:04:00' }), t)).toContain(
      '2026-01-02 03:04',
    );
  });

  it('says the server cannot be reached when there was no answer', () => {
    expect(signInErrorMessage(new TypeError('Failed to fetch'), t)).toBe(t('error.network'));
  });
});
