// Nurture's house rules: every send runs in its own job with a retry cycle, so a failing provider ends as a
// Cockpit incident instead of a rolled-back campaign step.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'send-async-with-retry': 'error'
      }
    }
  },
  rules: {
    'send-async-with-retry': './rules/send-async-with-retry'
  }
};
