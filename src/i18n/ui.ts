// Interface text of the site (not the lessons: those are MDX in content/lessons/<locale>/).
// `en` defines the keys; the type of `ui` makes every key required in every locale, so a missing
// translation is a type error, and tests/site/i18n.test.ts checks that none is empty or left in English.
import type { Locale } from './locales.ts';

const en = {
  'site.name': 'EC2 & AMI Lab',
  'site.tagline': 'Learn Amazon EC2 instances and machine images by writing code against a live model.',
  'site.skipToContent': 'Skip to content',
  'site.footer': 'An interactive course on Amazon EC2 and AMIs. Your progress stays in this browser.',
  'nav.language': 'Language',
  'nav.courseHome': 'Course home',
  'nav.lessonNavigation': 'Lesson navigation',
  'nav.previous': 'Previous lesson',
  'nav.next': 'Next lesson',
  'root.choose': 'Choose your language',
  'home.intro':
    'Seven short lessons on what Amazon EC2 is, what an Amazon Machine Image holds, and how instances and images relate. Each lesson ends with an exercise you code and run right in the page.',
  'home.lessons': 'Lessons',
  'home.progressSummary': '{read} of {total} lessons read',
  'home.noLessons': 'The lessons are on their way.',
  'home.start': 'Start the course',
  'home.continue': 'Continue',
  'home.resetProgress': 'Reset my progress',
  'home.resetConfirm': 'Erase your progress in this browser?',
  'lesson.number': 'Lesson {n}',
  'lesson.numberOfTotal': 'Lesson {n} of {total}',
  'lesson.objectives': 'In this lesson you will',
  'lesson.markRead': 'Mark lesson as read',
  'lesson.isRead': 'Lesson read',
  'progress.label': 'Progress',
  'progress.read': 'Read',
  'progress.notRead': 'Not read yet',
  'progress.exerciseDone': 'Exercise done',
  'progress.exerciseTodo': 'Exercise to do',
  'progress.quiz': 'Quiz {correct}/{total}',
  'progress.quizNone': 'Quiz not taken',
  'sandbox.label': 'Coding sandbox',
  'sandbox.placeholder': 'The coding sandbox for this exercise loads here.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. The course home lists every lesson.',
} as const;

export type UiKey = keyof typeof en;

export const ui: Record<Locale, Record<UiKey, string>> = {
  en,
  'pt-br': {
    'site.name': 'EC2 & AMI Lab',
    'site.tagline': 'Aprenda instâncias do Amazon EC2 e imagens de máquina escrevendo código contra um modelo vivo.',
    'site.skipToContent': 'Pular para o conteúdo',
    'site.footer': 'Um curso interativo sobre Amazon EC2 e AMIs. Seu progresso fica salvo neste navegador.',
    'nav.language': 'Idioma',
    'nav.courseHome': 'Início do curso',
    'nav.lessonNavigation': 'Navegação entre lições',
    'nav.previous': 'Lição anterior',
    'nav.next': 'Próxima lição',
    'root.choose': 'Escolha o seu idioma',
    'home.intro':
      'Sete lições curtas sobre o que é o Amazon EC2, o que uma Amazon Machine Image contém e como instâncias e imagens se relacionam. Cada lição termina com um exercício que você programa e executa na própria página.',
    'home.lessons': 'Lições',
    'home.progressSummary': '{read} de {total} lições lidas',
    'home.noLessons': 'As lições estão a caminho.',
    'home.start': 'Começar o curso',
    'home.continue': 'Continuar',
    'home.resetProgress': 'Apagar meu progresso',
    'home.resetConfirm': 'Apagar o seu progresso neste navegador?',
    'lesson.number': 'Lição {n}',
    'lesson.numberOfTotal': 'Lição {n} de {total}',
    'lesson.objectives': 'Nesta lição você vai',
    'lesson.markRead': 'Marcar lição como lida',
    'lesson.isRead': 'Lição lida',
    'progress.label': 'Progresso',
    'progress.read': 'Lida',
    'progress.notRead': 'Ainda não lida',
    'progress.exerciseDone': 'Exercício feito',
    'progress.exerciseTodo': 'Exercício a fazer',
    'progress.quiz': 'Questionário {correct}/{total}',
    'progress.quizNone': 'Questionário não feito',
    'sandbox.label': 'Ambiente de programação',
    'sandbox.placeholder': 'O ambiente de programação deste exercício é carregado aqui.',
    'notFound.title': 'Página não encontrada',
    'notFound.body': 'Não há nenhuma página neste endereço. O início do curso lista todas as lições.',
  },
  es: {
    'site.name': 'EC2 & AMI Lab',
    'site.tagline': 'Aprende instancias de Amazon EC2 e imágenes de máquina escribiendo código contra un modelo vivo.',
    'site.skipToContent': 'Saltar al contenido',
    'site.footer': 'Un curso interactivo sobre Amazon EC2 y las AMI. Tu progreso se guarda en este navegador.',
    'nav.language': 'Idioma',
    'nav.courseHome': 'Inicio del curso',
    'nav.lessonNavigation': 'Navegación entre lecciones',
    'nav.previous': 'Lección anterior',
    'nav.next': 'Lección siguiente',
    'root.choose': 'Elige tu idioma',
    'home.intro':
      'Siete lecciones breves sobre qué es Amazon EC2, qué contiene una Amazon Machine Image y cómo se relacionan las instancias con las imágenes. Cada lección termina con un ejercicio que programas y ejecutas en la misma página.',
    'home.lessons': 'Lecciones',
    'home.progressSummary': '{read} de {total} lecciones leídas',
    'home.noLessons': 'Las lecciones están en camino.',
    'home.start': 'Empezar el curso',
    'home.continue': 'Continuar',
    'home.resetProgress': 'Borrar mi progreso',
    'home.resetConfirm': '¿Borrar tu progreso en este navegador?',
    'lesson.number': 'Lección {n}',
    'lesson.numberOfTotal': 'Lección {n} de {total}',
    'lesson.objectives': 'En esta lección vas a',
    'lesson.markRead': 'Marcar la lección como leída',
    'lesson.isRead': 'Lección leída',
    'progress.label': 'Progreso',
    'progress.read': 'Leída',
    'progress.notRead': 'Sin leer',
    'progress.exerciseDone': 'Ejercicio hecho',
    'progress.exerciseTodo': 'Ejercicio pendiente',
    'progress.quiz': 'Cuestionario {correct}/{total}',
    'progress.quizNone': 'Cuestionario sin hacer',
    'sandbox.label': 'Entorno de programación',
    'sandbox.placeholder': 'El entorno de programación de este ejercicio se carga aquí.',
    'notFound.title': 'Página no encontrada',
    'notFound.body': 'No hay ninguna página en esta dirección. El inicio del curso enumera todas las lecciones.',
  },
};

/** Fills `{name}` placeholders: format('Lesson {n}', { n: 2 }) -> 'Lesson 2'. */
export function format(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The site's strings for one locale: const t = useTranslations(locale); t('nav.next'). */
export function useTranslations(locale: Locale) {
  return (key: UiKey, values?: Record<string, string | number>): string =>
    values ? format(ui[locale][key], values) : ui[locale][key];
}
