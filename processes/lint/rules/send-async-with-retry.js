const { is } = require('bpmnlint-utils');

const SEND = /^\$\{send\w*\}$/;

/** A service task whose delegate sends (${sendEmail}, ${sendSms}…) must be asynchronous before, with a retry cycle. */
module.exports = function() {

  function attribute(node, name) {
    return (node.get && node.get(name)) || (node.$attrs && node.$attrs[name]);
  }

  function hasRetryCycle(node) {
    const extensions = node.extensionElements && node.extensionElements.values || [];
    return extensions.some(element => /FailedJobRetryTimeCycle$/i.test(element.$type)
      && (element.body || element.$body || '').trim().length > 0);
  }

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask')) {
      return;
    }
    const delegate = attribute(node, 'camunda:delegateExpression');
    if (!delegate || !SEND.test(delegate)) {
      return;
    }
    const async = attribute(node, 'camunda:asyncBefore');
    if (!(async === true || async === 'true')) {
      reporter.report(node.id, 'A send must be asynchronous before (its own job)');
    }
    if (!hasRetryCycle(node)) {
      reporter.report(node.id, 'A send needs a retry time cycle (camunda:failedJobRetryTimeCycle, e.g. R5/PT2M)');
    }
  }

  return { check };
};
