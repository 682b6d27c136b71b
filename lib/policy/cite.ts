/** Citations used by more than one pack. */
export const CITE = {
  appleGoogle: { source: 'FACTS.md', clause: 'URLs and page kinds: Apple / Google Play refunds' },
  consumerLaw: { source: 'FACTS.md', clause: 'Chinese consumer law: CRPL art. 25' },
  sevenDayMeasures: {
    source: 'FACTS.md',
    clause: 'Chinese consumer law: interim measures for 7-day returns (2017-03-15)',
  },
  escalation: { source: 'FACTS.md', clause: 'Chinese consumer law: escalation (12315, 黑猫投诉)' },
  seed004Escalation: {
    source: '004_d4e4eea1fdf0fe9a.txt',
    clause: '与卖家沟通协商 (寻求第三方协助); 导语 (消费者权益保护部门)',
  },
} as const;
