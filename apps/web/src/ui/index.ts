export { Button, CheckboxField, SelectField, TextAreaField, TextField } from './controls';
export { Alert, Badge, EmptyState, Loading, ProblemAlert, ProgressBar, problemText } from './feedback';
export { Card, PageHeader } from './layout';
export { ResourceView } from './resource-view';
export { Tabs, type Tab } from './tabs';
export { Toasts, toast } from './toast';
export { BarChart, type Bar } from './charts';
export { Dialog } from './dialog';
