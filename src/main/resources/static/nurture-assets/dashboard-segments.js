// The segment builder: rows of conditions make the rule; each change asks the preview for the count now. A list row
// picks one of the lists the page carries (#list-choices).
(function () {
  'use strict';
  var builder = document.getElementById('builder');
  if (!builder) {
    return;
  }
  var token = JSON.parse(document.getElementById('segments-data').textContent).token;
  var FIELDS = {
    country: 'text', industry: 'text', company: 'text', source: 'text', stage: 'text', funding: 'text',
    techStack: 'text', email: 'text', fitScore: 'number', behaviourScore: 'number', score: 'number',
    companySize: 'number', revenue: 'number', consentEmail: 'boolean', consentSms: 'boolean',
    unsubscribed: 'boolean', disqualified: 'boolean', suppressed: 'boolean'
  };
  var OPS = {
    text: ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', 'is_set', 'is_not_set'],
    number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'is_set', 'is_not_set'],
    boolean: ['eq']
  };
  var STATUSES = ['in', 'not_in', 'finished', 'exited_goal', 'opened', 'clicked'];
  var PROPERTY_OPS = ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', 'gt', 'gte', 'lt', 'lte', 'is_set',
    'is_not_set'];
  var PROPERTY_TYPES = { text: 'text', number: 'number', 'true/false': 'boolean' };
  var conditions = document.getElementById('conditions');
  var timer = null;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function select(className, values) {
    return element('select', { 'class': className }, values.map(function (value) {
      return element('option', { value: value }, [value]);
    }));
  }

  function addRow(kind) {
    var row = element('div', { 'class': 'condition', 'data-kind': kind });
    if (kind === 'field') {
      var field = select('field', Object.keys(FIELDS));
      var op = select('op', OPS.text);
      var value = element('input', { 'class': 'value', type: 'text', placeholder: 'value (a, b for a list)' });
      field.addEventListener('change', function () {
        var type = FIELDS[field.value];
        op.replaceWith(op = select('op', OPS[type]));
        op.addEventListener('change', changed);
        value.placeholder = type === 'boolean' ? 'true or false' : 'value (a, b for a list)';
      });
      op.addEventListener('change', changed);
      row.append(field, op, value);
    } else if (kind === 'property') {
      var propertyOp = select('op', PROPERTY_OPS);
      var valueType = select('value-type', Object.keys(PROPERTY_TYPES));
      // an operator that compares one type only shows it
      propertyOp.addEventListener('change', function () {
        var only = fixedType(propertyOp.value);
        if (only) {
          valueType.value = only;
        }
        valueType.disabled = only !== null;
      });
      row.append('custom property ',
        element('input', { 'class': 'property', type: 'text', maxlength: '40', placeholder: 'plan' }), ' ',
        propertyOp, ' ', valueType, ' ',
        element('input', { 'class': 'value', type: 'text', placeholder: 'value (a, b for a list)' }));
    } else if (kind === 'event') {
      row.append(element('label', {}, [element('input', { 'class': 'not', type: 'checkbox' }), ' did not']),
        ' do ', element('input', { 'class': 'event', type: 'text', placeholder: 'webinar_attended' }),
        ' at least ', element('input', { 'class': 'at-least', type: 'number', min: '1', value: '1' }),
        ' times within ', element('input', { 'class': 'within-days', type: 'number', min: '1', placeholder: 'any' }),
        ' days');
    } else if (kind === 'list') {
      var lists = document.getElementById('list-choices').cloneNode(true);
      lists.removeAttribute('id');
      lists.removeAttribute('hidden');
      lists.setAttribute('class', 'list');
      row.append(element('select', { 'class': 'membership' }, [element('option', { value: 'in' }, ['is in list']),
        element('option', { value: 'not_in' }, ['is not in list'])]), ' ', lists);
    } else {
      row.append('campaign ', element('input', { 'class': 'campaign', type: 'text', placeholder: 'drip' }), ' ',
        select('status', STATUSES), ' within ',
        element('input', { 'class': 'within-days', type: 'number', min: '1', placeholder: 'any' }),
        ' days (opened, clicked)');
    }
    var remove = element('button', { type: 'button', 'class': 'remove' }, ['×']);
    remove.addEventListener('click', function () { row.remove(); changed(); });
    row.append(' ', remove);
    conditions.appendChild(row);
    changed();
  }

  function scalar(type, text) {
    if (type === 'number') {
      return Number(text);
    }
    return type === 'boolean' ? text.trim() === 'true' : text.trim();
  }

  function condition(row) {
    var kind = row.dataset.kind;
    if (kind === 'field') {
      var field = row.querySelector('.field').value;
      var op = row.querySelector('.op').value;
      var text = row.querySelector('.value').value;
      var result = { field: field, op: op };
      if (op === 'in' || op === 'not_in') {
        result.value = text.split(',').map(function (part) { return scalar(FIELDS[field], part); });
      } else if (op !== 'is_set' && op !== 'is_not_set') {
        result.value = scalar(FIELDS[field], text);
      }
      return result;
    }
    if (kind === 'property') {
      return propertyCondition(row);
    }
    if (kind === 'list') {
      var list = { list: row.querySelector('.list').value };
      if (row.querySelector('.membership').value === 'not_in') { list.not = true; }
      return list;
    }
    var days = row.querySelector('.within-days').value;
    if (kind === 'event') {
      var event = { event: row.querySelector('.event').value.trim(),
        atLeast: Number(row.querySelector('.at-least').value || 1) };
      if (days) { event.withinDays = Number(days); }
      if (row.querySelector('.not').checked) { event.not = true; }
      return event;
    }
    var campaign = { campaign: row.querySelector('.campaign').value.trim(),
      status: row.querySelector('.status').value };
    if (days) { campaign.withinDays = Number(days); }
    return campaign;
  }

  // the operator decides the value's type where only one fits: contains takes text, gt a number
  function fixedType(op) {
    if (op === 'contains' || op === 'starts_with') {
      return 'text';
    }
    return ['gt', 'gte', 'lt', 'lte'].indexOf(op) >= 0 ? 'number' : null;
  }

  function propertyCondition(row) {
    var op = row.querySelector('.op').value;
    var text = row.querySelector('.value').value;
    var type = PROPERTY_TYPES[fixedType(op) || row.querySelector('.value-type').value];
    var result = { property: row.querySelector('.property').value.trim(), op: op };
    if (op === 'in' || op === 'not_in') {
      result.value = text.split(',').map(function (part) { return scalar(type, part); });
    } else if (op !== 'is_set' && op !== 'is_not_set') {
      result.value = scalar(type, text);
    }
    return result;
  }

  function rule() {
    var result = {};
    result[document.getElementById('segment-combine').value] =
      Array.prototype.map.call(conditions.querySelectorAll('.condition'), condition);
    return result;
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Nurture-Token': token },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, body: json }; });
    });
  }

  // a condition still being typed: no preview until every row has what it needs
  function incomplete(row) {
    var kind = row.dataset.kind;
    if (kind === 'field') {
      var op = row.querySelector('.op').value;
      return op !== 'is_set' && op !== 'is_not_set' && row.querySelector('.value').value.trim() === '';
    }
    if (kind === 'property') {
      var propertyOp = row.querySelector('.op').value;
      return row.querySelector('.property').value.trim() === '' || (propertyOp !== 'is_set'
        && propertyOp !== 'is_not_set' && row.querySelector('.value').value.trim() === '');
    }
    if (kind === 'list') {
      return !row.querySelector('.list').value;
    }
    return row.querySelector(kind === 'event' ? '.event' : '.campaign').value.trim() === '';
  }

  function preview() {
    var current = rule();
    document.getElementById('rule-json').textContent = JSON.stringify(current, null, 2);
    var count = document.getElementById('live-count');
    var error = document.getElementById('live-error');
    var sample = document.getElementById('live-sample');
    var rows = conditions.querySelectorAll('.condition');
    if (rows.length === 0 || Array.prototype.some.call(rows, incomplete)) {
      count.textContent = '–';
      error.textContent = rows.length === 0 ? '' : 'complete the conditions to see the count';
      return;
    }
    post('/dashboard/segments/preview', { rule: current, sample: 5 }).then(function (answer) {
      sample.textContent = '';
      if (!answer.ok) {
        count.textContent = '–';
        error.textContent = answer.body.detail || 'refused';
        return;
      }
      error.textContent = '';
      count.textContent = String(answer.body.count);
      count.setAttribute('data-rule', JSON.stringify(current));
      answer.body.sample.forEach(function (member) {
        sample.appendChild(element('li', {}, [member.email || member.contactId]));
      });
    });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(preview, 250);
  }

  builder.addEventListener('input', changed);
  builder.addEventListener('change', changed);
  document.querySelectorAll('button.add-condition').forEach(function (button) {
    button.addEventListener('click', function () { addRow(button.dataset.kind); });
  });
  document.getElementById('save-segment').addEventListener('click', function () {
    var status = document.getElementById('save-status');
    post('/dashboard/segments', { name: document.getElementById('segment-name').value, rule: rule() })
      .then(function (answer) {
        if (answer.ok) {
          window.location.href = '/dashboard/segments/' + encodeURIComponent(answer.body.id);
        } else {
          status.textContent = answer.body.detail || 'refused';
          status.className = 'error';
        }
      });
  });
}());
