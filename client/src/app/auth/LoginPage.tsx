import dayjs from 'dayjs';
import { useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { ApiError, mapProblemToFields, problemTypes } from '../../api/problem';
import { useDocumentTitle } from '../a11y/PageTitle';
import { useA11yText } from '../a11y/messages';
import { useLocale, useT, type Translate } from '../i18n';
import { useAuth } from './AuthProvider';
import './sign-in.css';

type Field = 'userName' | 'password';
const fieldNames = ['userName', 'password'] as const;

/** The sentence shown above the form for a failed sign-in. */
export function signInErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.network');
  const problem = error.problem;
  switch (problem?.type) {
    case problemTypes.invalidCredentials:
      return t('auth.error.invalidCredentials');
    case problemTypes.accountLocked:
      return problem.lockedUntil
        ? t('auth.error.accountLocked', { time: dayjs(problem.lockedUntil).format('YYYY-MM-DD HH:mm') })
        : t('auth.error.accountLockedNoTime');
    case problemTypes.accountDisabled:
      return t('auth.error.accountDisabled');
    case problemTypes.rateLimited:
      return t('auth.error.rateLimited');
    default:
      return problem?.detail ?? problem?.title ?? t('auth.error.failed');
  }
}

/** The signed-in app (Ant Design and every page): fetched while the sign-in request runs, not before. */
export const loadWorkspace = () => import('../Workspace');

/**
 * The sign-in page is plain React and a small stylesheet, without Ant Design: it is the first page most visits
 * load, on old phones too, and it needs none of the app's components (docs/benchmarks.md, sign-in page).
 */
export function LoginPage() {
  const t = useT();
  const text = useA11yText();
  const [locale, setLocale] = useLocale();
  const { status, expired, signIn } = useAuth();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [showPassword, setShowPassword] = useState(false);
  const inputs = { userName: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const id = useId();
  useDocumentTitle(t('auth.signIn.title'));

  if (status === 'signed-in') {
    const from = (location.state as { from?: Location } | null)?.from;
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const userName = String(data.get('userName') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Partial<Record<Field, string>> = {};
    if (!userName) missing.userName = t('auth.signIn.userNameRequired');
    if (!password) missing.password = t('auth.signIn.passwordRequired');
    setErrors(missing);
    setMessage(null);
    const first = fieldNames.find((name) => missing[name]);
    if (first) {
      inputs[first].current?.focus();
      return;
    }
    setSubmitting(true);
    void loadWorkspace();
    try {
      await signIn(userName, password);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.type === problemTypes.validation && error.problem) {
        const mapped = mapProblemToFields(error.problem, fieldNames);
        setErrors(Object.fromEntries(mapped.fields.map((f) => [f.name, f.errors.join(' ')])));
        if (mapped.unmatched.length > 0) setMessage(mapped.unmatched.join(' '));
      } else {
        setMessage(signInErrorMessage(error, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: Field, label: string, input: InputHTMLAttributes<HTMLInputElement>, extra?: ReactNode) => {
    const errorId = `${id}-${name}-error`;
    return (
      <div className="cw-signin-field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <div className="cw-signin-control" data-invalid={errors[name] ? 'true' : undefined}>
          <input
            ref={inputs[name]}
            id={`${id}-${name}`}
            name={name}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? errorId : undefined}
            onChange={() => errors[name] && setErrors((e) => ({ ...e, [name]: undefined }))}
            {...input}
          />
          {extra}
        </div>
        {errors[name] && (
          <div id={errorId} className="cw-signin-error">
            {errors[name]}
          </div>
        )}
      </div>
    );
  };

  return (
    <div className="cw-signin">
      <button
        type="button"
        className="cw-signin-language"
        lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
        title={t('app.language.switchLabel')}
        onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('app.language.switch')}
      </button>
      <main className="cw-signin-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('app.name')}</h1>
        <p className="cw-signin-subtitle">{t('auth.signIn.subtitle')}</p>
        {expired && !message && (
          <div role="alert" className="cw-signin-alert cw-signin-alert-warning">
            {t('error.sessionEnded')}
          </div>
        )}
        {message && (
          <div role="alert" className="cw-signin-alert cw-signin-alert-error">
            {message}
          </div>
        )}
        <form noValidate onSubmit={(event) => void submit(event)}>
          {field('userName', t('auth.signIn.userName'), { type: 'text', autoComplete: 'username', autoFocus: true })}
          {field(
            'password',
            t('auth.signIn.password'),
            { type: showPassword ? 'text' : 'password', autoComplete: 'current-password' },
            <button
              type="button"
              className="cw-signin-reveal"
              aria-pressed={showPassword}
              aria-controls={`${id}-password`}
              onClick={() => setShowPassword((shown) => !shown)}
            >
              {showPassword ? text.hidePassword : text.showPassword}
            </button>,
          )}
          <button type="submit" className="cw-signin-submit" disabled={submitting} aria-busy={submitting}>
            {t('auth.signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
