// The workflow's duties are CASL actions, so the ability (below the modules) names them; the
// case module's transition table (case.workflow.ts) says which transition needs which.

/**
 * The duty a transition needs: a CASL action on the case, granted by the rule lines of
 * case.policy.ts (who may, in which unit). The state guard is case.workflow.ts's table.
 */
export type CaseDuty = 'file' | 'escalate' | 'dispatch' | 'handle' | 'approveExtension' | 'verify' | 'evaluate' | 'reopen' | 'answer';

/** 联合执法: a partner department's duty on its own assignment (case.policy.ts). */
export type AssignmentDuty = 'assist';
