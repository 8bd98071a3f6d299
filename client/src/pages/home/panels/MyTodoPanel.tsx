// 我的待办: what waits for me. Until the 待办 centre's API is in, the 公文 steps waiting for me (the 办文 待办 list).
import { SignOffPanel } from './SignOffPanel.tsx';

export function MyTodoPanel() {
  return <SignOffPanel />;
}
